/* recap-application.h
 *
 * SPDX-FileCopyrightText: 2026 The Recap authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RECAP_TYPE_APPLICATION (recap_application_get_type ())
G_DECLARE_FINAL_TYPE (RecapApplication, recap_application, RECAP, APPLICATION, AdwApplication)

RecapApplication *recap_application_new (void);

G_END_DECLS

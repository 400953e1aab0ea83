# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""The TAP runner the recap-cli test scripts share: each test is a function
that raises AssertionError when it fails."""


def run(tests, call):
    """Runs call(test) for each of @tests, printing TAP; returns the exit
    status: 1 when any failed."""
    print(f'1..{len(tests)}')
    failed = 0
    for number, test in enumerate(tests, 1):
        try:
            call(test)
            print(f'ok {number} - {test.__name__}')
        except AssertionError as error:
            failed += 1
            print(f'not ok {number} - {test.__name__}')
            print('# ' + str(error).replace('\n', '\n# '))
    return 1 if failed else 0

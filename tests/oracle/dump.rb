# dump.rb: a Jekyll plugin that writes what Jekyll read of each markdown
# file of the site, as JSON, to $ORACLE_OUT. The oracle test copies it into
# a fixture site's _plugins/ and compares it with `recap-cli list --json`.
#
# To see every document, it lets Jekyll read future, unpublished and draft
# ones, and works out from the site's own settings whether a plain
# `jekyll build` writes each (publisher.rb's rule).
#
# SPDX-FileCopyrightText: 2026 The Recap authors
# SPDX-License-Identifier: GPL-3.0-or-later

require "json"
require "pathname"

module RecapOracle
  MARKDOWN = %r!\.(md|markdown)\z!.freeze

  def self.relative(site, path)
    Pathname.new(path).relative_path_from(Pathname.new(site.source)).to_s
  end

  # Keys the file's own front matter gives a value (Jekyll keeps the
  # default for a nil: utils.rb merge_values), as Jekyll's Document reads it.
  def self.own_keys(site, path)
    text = File.read(path, **Jekyll::Utils.merged_file_read_opts(site, {}))
    return [] unless text =~ Jekyll::Document::YAML_FRONT_MATTER_REGEXP

    data = Jekyll::Utils.safe_load_yaml(Regexp.last_match(1))
    data.is_a?(Hash) ? data.reject { |_, value| value.nil? }.keys : []
  end

  def self.author(value)
    case value
    when Hash then value["name"]&.to_s
    when nil then nil
    else value.to_s
    end
  end

  def self.inherited(site, thing, path)
    type = thing.respond_to?(:collection) ? thing.collection.label : "pages"
    rel = thing.respond_to?(:collection) ? thing.relative_path : relative(site, path)
    (site.frontmatter_defaults.all(rel, type).keys - own_keys(site, path)).sort
  end

  def self.publishes?(site, thing)
    thing.data.fetch("published", true) ? true : false
  end

  def self.document(site, doc)
    path = relative(site, doc.path)
    published = publishes?(site, doc)
    future = doc.date.to_i > site.time.to_i
    written = doc.collection.write? && !doc.draft?
    builds = written && (published || site.config["oracle_unpublished"]) &&
             (site.config["oracle_future"] || !future)
    {
      "path" => path,
      "collection" => doc.draft? ? "drafts" : doc.collection.label,
      "title" => doc.data["title"]&.to_s,
      "layout" => doc.data["layout"]&.to_s,
      "author" => author(doc.data["author"]),
      "authors" => Array(doc.data["authors"]).map(&:to_s),
      "categories" => Array(doc.data["categories"]).map(&:to_s),
      "tags" => Array(doc.data["tags"]).map(&:to_s),
      "date" => doc.date.strftime("%Y-%m-%dT%H:%M:%S%:z"),
      "day" => doc.date.strftime("%Y-%m-%d"),
      "draft" => doc.draft? ? true : false,
      "published" => published,
      "future" => future,
      "builds" => builds ? true : false,
      "inherited" => inherited(site, doc, doc.path),
    }
  end

  # Markdown files Jekyll copies as they are: not documents.
  def self.static(site, files)
    files.select { |file| file.path =~ MARKDOWN }
         .map { |file| { "path" => relative(site, file.path), "collection" => nil } }
  end

  def self.page(site, page)
    published = publishes?(site, page)
    {
      "path" => page.relative_path,
      "collection" => "pages",
      "layout" => page.data["layout"]&.to_s,
      "author" => author(page.data["author"]),
      "published" => published,
      "builds" => (published || site.config["oracle_unpublished"]) ? true : false,
      "inherited" => inherited(site, page, File.join(site.source, page.relative_path)),
    }
  end
end

Jekyll::Hooks.register :site, :after_init do |site|
  site.config["oracle_future"] = site.future
  site.config["oracle_unpublished"] = site.unpublished
  site.future = true
  site.unpublished = true
  site.show_drafts = true
end

Jekyll::Hooks.register :site, :post_read do |site|
  out = []
  site.collections.each_value do |collection|
    collection.docs.each do |doc|
      out << RecapOracle.document(site, doc) if doc.path =~ RecapOracle::MARKDOWN
    end
    out.concat(RecapOracle.static(site, collection.files))
  end
  site.pages.each do |page|
    out << RecapOracle.page(site, page) if page.relative_path =~ RecapOracle::MARKDOWN
  end
  out.concat(RecapOracle.static(site, site.static_files))
  File.write(ENV.fetch("ORACLE_OUT"), JSON.pretty_generate(out.uniq { |o| o["path"] }))
end

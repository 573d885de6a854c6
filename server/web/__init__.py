"""HTTP: the blueprints that turn articles, segments and audio into pages and JSON."""

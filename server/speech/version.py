"""Version of the spoken-text pipeline; part of every segment id."""

# Bump whenever the spoken output for some input changes, so cached audio is not reused.
PIPELINE_VERSION = "vi-2"

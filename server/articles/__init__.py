"""Articles: the stored, sanitized content that the portal shows and the widget reads aloud."""

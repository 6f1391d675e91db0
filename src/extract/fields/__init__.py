"""One module per field. Each reads the zones it needs from the layout and returns
model values whose spans point into the source text."""

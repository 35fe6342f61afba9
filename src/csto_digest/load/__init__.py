"""The loader: one module per concern, each turning raw article text into one
part of an `Article` record with the evidence for it."""

"""linviz: watch linear classifiers learn."""

"""Stage 4 of the pipeline, context: the views a template sees, built from the model and a layout."""

"""Stage 1 of the pipeline, load: YAML, JSON or a dict into the model, every problem at once."""

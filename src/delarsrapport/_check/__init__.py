"""Stage 3 of the pipeline, check: what real reports get wrong, found in the model as findings."""

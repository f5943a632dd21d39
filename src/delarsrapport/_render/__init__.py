"""Stage 5 of the pipeline, render: layouts, filters, the .docx engine and the written files."""

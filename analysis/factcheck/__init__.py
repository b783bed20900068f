"""factcheck stage."""

"""Application handling's pages, the Further progress bar and Execute, and the forms of its own actions."""

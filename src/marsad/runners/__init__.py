"""Where the per-article map runs: in this process, in a local process pool, or on dask."""

"""Evidence vault: content-addressed blobs, the hash-chained custody log, verification, bundles."""

"""One widget per module; each defines the messages it posts (attributes down, messages up)."""

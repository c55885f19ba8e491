"""Item classifiers: kind (heading/task/target/context) and sector."""

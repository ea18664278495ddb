# lifecycle

"""The main job: review → convert → bundle, with progress and cancellation."""

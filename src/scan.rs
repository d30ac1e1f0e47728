//! Wires the stages: inputs -> chunks (rayon) -> merge -> outputs.

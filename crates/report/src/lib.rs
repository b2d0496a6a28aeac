//! Renderers of the verdict model.

// Demos module.

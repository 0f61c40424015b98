// Kernel module.

// Formatters are process-wide and the fixtures reset them on dispose, so kernels must not run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

#ifndef AITUTOR_CPU_FEATURES_H
#define AITUTOR_CPU_FEATURES_H

/// 1 when this CPU and the operating system support everything the x86-64-v3 level promises
/// (SSE3 to SSE4.2, POPCNT, CMPXCHG16B, AVX, AVX2, FMA, BMI1, BMI2, LZCNT, MOVBE, F16C, with the
/// YMM registers enabled by the OS), 0 otherwise, and always 0 on other architectures. That is
/// what code built with `-target-cpu haswell` may use: Haswell's other additions (RDRAND,
/// PCLMUL, FSGSBASE) only appear through intrinsics, which the kernel does not call.
///
/// Swift cannot execute CPUID itself; this is the one question the kernel asks in C, so it can
/// choose between its portable and its AVX2 matrix-multiply code at run time.
int aitutor_cpu_supports_x86_64_v3(void);

#endif

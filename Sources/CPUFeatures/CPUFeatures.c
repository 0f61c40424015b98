#include "CPUFeatures.h"

#if defined(__x86_64__)
#include <cpuid.h>

/// Reads an extended control register: which register states the OS saves on a context switch.
static unsigned long long read_xcr0(void) {
    unsigned int eax, edx;
    __asm__ volatile("xgetbv" : "=a"(eax), "=d"(edx) : "c"(0));
    return ((unsigned long long)edx << 32) | eax;
}

int aitutor_cpu_supports_x86_64_v3(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    // Leaf 1, ECX: SSE3 0, SSSE3 9, FMA 12, CMPXCHG16B 13, SSE4.1 19, SSE4.2 20, MOVBE 22,
    // POPCNT 23, OSXSAVE 27, AVX 28, F16C 29.
    const unsigned int leaf1 = (1u << 0) | (1u << 9) | (1u << 12) | (1u << 13) | (1u << 19) |
                               (1u << 20) | (1u << 22) | (1u << 23) | (1u << 27) | (1u << 28) | (1u << 29);
    if ((ecx & leaf1) != leaf1) return 0;
    // The OS must save both the SSE (bit 1) and the upper YMM (bit 2) halves.
    if ((read_xcr0() & 0x6) != 0x6) return 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    // Leaf 7, EBX: BMI1 3, AVX2 5, BMI2 8.
    const unsigned int leaf7 = (1u << 3) | (1u << 5) | (1u << 8);
    if ((ebx & leaf7) != leaf7) return 0;
    if (!__get_cpuid(0x80000001, &eax, &ebx, &ecx, &edx)) return 0;
    // Leaf 0x80000001, ECX: LZCNT 5.
    return (ecx >> 5) & 1;
}
#else
int aitutor_cpu_supports_x86_64_v3(void) { return 0; }
#endif

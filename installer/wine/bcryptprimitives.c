/* Wine 8 (Debian 12) has no bcryptprimitives.dll, which binaries built with Rust 1.78 or newer
 * import for ProcessPrng (cryptography's _rust.pyd among them); Windows 10 and later have it.
 * The smoke test builds this stand-in into its throwaway wine prefix: ProcessPrng over
 * RtlGenRandom (advapi32!SystemFunction036). It is never shipped to users. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length) {
        ULONG n = length > 0x40000000 ? 0x40000000 : (ULONG)length;
        if (!SystemFunction036(data, n))
            return FALSE;
        data += n;
        length -= n;
    }
    return TRUE;
}

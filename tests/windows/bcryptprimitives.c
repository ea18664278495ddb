/* For the tests under Wine only, never shipped. Rust's standard library (and getrandom) draw
 * random bytes from ProcessPrng in bcryptprimitives.dll, which Windows 10 and 11 have and
 * Debian's Wine 8 lacks. This DLL, placed beside the test programs, gives it over RtlGenRandom
 * (advapi32's SystemFunction036), the generator Wine does have. */
#include <windows.h>

BOOLEAN NTAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}

/*
 * A stand-in for Windows' bcryptprimitives.dll, for the smoke test under
 * Debian 12's wine 8.0, which lacks it: Go's runtime (since Go 1.22) reads
 * its random numbers from ProcessPrng there and stops at start without it.
 * Windows 10 and 11 have the real one; this file is never shipped.
 */
#include <windows.h>

/* advapi32's RtlGenRandom */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size) {
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}

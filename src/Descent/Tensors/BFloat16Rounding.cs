using System.Numerics;
using System.Runtime.CompilerServices;

namespace Descent.Tensors;

/// <summary>
/// Round to nearest even bfloat16, the values kept in <see cref="float"/> (low 16 bits zero), as
/// <c>c10::BFloat16</c> rounds (<c>round_to_nearest_even</c>: NaN becomes the quiet NaN 0x7FC0). bfloat16
/// is float32's upper half, so rounding is integer arithmetic on the bits, and a vector of floats rounds
/// lane by lane with the same bits as one float at a time.
/// </summary>
public static class BFloat16Rounding
{
    private const uint QuietNaN = 0x7FC00000;

    /// <summary><paramref name="x"/> rounded to the nearest bfloat16, ties to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Round(float x)
    {
        if (float.IsNaN(x)) return BitConverter.UInt32BitsToSingle(QuietNaN);
        uint bits = BitConverter.SingleToUInt32Bits(x);
        bits += 0x7FFFu + ((bits >> 16) & 1);
        return BitConverter.UInt32BitsToSingle(bits & 0xFFFF0000u);
    }

    /// <summary>
    /// A double rounded to bfloat16 as torch's <c>tensor.bfloat16()</c> does it: to float32 first, then to
    /// bfloat16 (two roundings, which can differ from one in the last bit).
    /// </summary>
    public static float Round(double x) => Round((float)x);

    /// <summary>Each lane of <paramref name="x"/> rounded as <see cref="Round(float)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Round(Vector<float> x)
    {
        var bits = Vector.AsVectorUInt32(x);
        var rounded = (bits + new Vector<uint>(0x7FFFu) + (Vector.ShiftRightLogical(bits, 16) & Vector<uint>.One)) & new Vector<uint>(0xFFFF0000u);
        // x == x is false only for NaN.
        return Vector.ConditionalSelect(Vector.Equals(x, x), Vector.AsVectorSingle(rounded), Vector.AsVectorSingle(new Vector<uint>(QuietNaN)));
    }
}

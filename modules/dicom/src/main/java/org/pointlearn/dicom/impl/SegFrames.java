package org.pointlearn.dicom.impl;

/** Packs binary SEG frames: 1 bit per pixel, frames back to back, least significant bit first. */
final class SegFrames {

    private SegFrames() {
    }

    /** The packed bits of every slice's mask (non-zero is 1), padded to whole bytes at the end. */
    static byte[] pack(byte[][] mask, int pixelsPerFrame) {
        long bits = (long) mask.length * pixelsPerFrame;
        byte[] packed = new byte[Math.toIntExact((bits + 7) / 8 + ((bits + 7) / 8) % 2)];
        long bit = 0;
        for (byte[] slice : mask) {
            for (int i = 0; i < pixelsPerFrame; i++, bit++) {
                if (slice[i] != 0) {
                    packed[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
                }
            }
        }
        return packed;
    }
}

/**
 * sharp, loaded on the first image it works on: a server that only serves pages never pays its start-up time
 * (~120 ms) and memory for the native library.
 */
import type sharpType from 'sharp';

let loading: Promise<typeof sharpType> | undefined;

export const loadSharp = (): Promise<typeof sharpType> => (loading ??= import('sharp').then((m) => m.default));

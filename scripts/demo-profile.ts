/**
 * The settings the demo profile (`npm start`) starts with: tips at any hour,
 * so a newcomer trying Langkah at 21:00 sees the tip card on the demo SIASN
 * page instead of silence. Everything else keeps the extension's defaults.
 */
import { type CapSettings, DEFAULT_CAPS } from '../core/caps';

export const DEMO_SETTINGS: { tipCaps: CapSettings } = {
  tipCaps: { ...DEFAULT_CAPS, quietHours: null },
};

/**
 * What this browser lets the extension do, checked where it is used. Firefox
 * for Android lacks some WebExtension APIs in some versions (and may drop
 * one): a feature that needs a missing API says so instead of failing.
 */
import { browser } from 'wxt/browser';

/** Whether extension notifications exist here (the daily reminder needs them). */
export function hasNotifications(): boolean {
  return typeof browser.notifications?.create === 'function';
}

/** Whether the extension can ask for a host permission at run time (internal systems need it). */
export function canRequestPermissions(): boolean {
  return typeof browser.permissions?.request === 'function';
}

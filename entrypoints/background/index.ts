import { defineBackground } from 'wxt/utils/define-background';
import { setupBadge } from './badge';
import { setupInternalScripts } from './internal-scripts';
import { setupMessaging } from './messaging';
import { watchRegistry } from './registry';
import { setupReminders } from './reminders';
import { setupWelcome } from './welcome';

export default defineBackground(() => {
  // Listeners first and synchronously, so a message that woke the worker is answered.
  setupMessaging();
  watchRegistry();
  setupInternalScripts();
  setupBadge();
  setupReminders();
  setupWelcome();
});

import { defineBackground } from 'wxt/utils/define-background';
import { setupMessaging } from './messaging';

export default defineBackground(() => {
  setupMessaging();
});

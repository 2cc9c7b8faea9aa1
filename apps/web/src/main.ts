import { bootstrapApplication } from '@angular/platform-browser';
import { AppShell } from '@casustafel/web/shell';
import { appConfig } from './app/app.config';

bootstrapApplication(AppShell, appConfig).catch((err: unknown) => {
  // The app could not start at all; the browser console is the only place left to report it.
  // eslint-disable-next-line no-console
  console.error(err);
});

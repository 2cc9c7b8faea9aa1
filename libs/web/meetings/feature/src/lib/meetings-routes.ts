import { Routes } from '@angular/router';
import { permissionGuard } from '@casustafel/web/auth/data-access';

/**
 * The case conference, mounted by the app: `/overleggen` (planner), `/overleggen/nieuw`,
 * `/overleggen/:meetingId` (detail, agenda, attendance), `/overleggen/:meetingId/live` (the live room)
 * and `/overleggen/:meetingId/verslag` (minutes). Each page is its own lazy chunk; titles are
 * translation keys. What a page shows is the server's projection for the user's organisation.
 */
export const meetingRoutes: Routes = [
  {
    path: 'overleggen',
    canActivate: [permissionGuard('meetings.attend')],
    title: 'meetings.list.title',
    loadComponent: () => import('./list/meetings-page').then((m) => m.MeetingsPage),
  },
  {
    path: 'overleggen/nieuw',
    canActivate: [permissionGuard('meetings.plan')],
    title: 'meetings.form.title',
    loadComponent: () => import('./form/meeting-form-page').then((m) => m.MeetingFormPage),
  },
  {
    path: 'overleggen/:meetingId',
    canActivate: [permissionGuard('meetings.attend')],
    title: 'meetings.detail.title',
    loadComponent: () => import('./detail/meeting-detail-page').then((m) => m.MeetingDetailPage),
  },
  {
    path: 'overleggen/:meetingId/live',
    canActivate: [permissionGuard('meetings.attend')],
    title: 'meetings.live.title',
    loadComponent: () => import('./live/live-room-page').then((m) => m.LiveRoomPage),
  },
  {
    path: 'overleggen/:meetingId/verslag',
    canActivate: [permissionGuard('meetings.attend')],
    title: 'meetings.minutesPage.title',
    loadComponent: () => import('./minutes/minutes-page').then((m) => m.MinutesPage),
  },
];

/** "Mijn acties": the actions of the user and the user's organisation. */
export const actionRoutes: Routes = [
  {
    path: 'acties',
    canActivate: [permissionGuard('actions.work')],
    title: 'myActions.title',
    loadComponent: () => import('./actions/my-actions-page').then((m) => m.MyActionsPage),
  },
];

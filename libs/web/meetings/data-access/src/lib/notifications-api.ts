import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationDto } from '@casustafel/shared/contracts';
import { Observable, map } from 'rxjs';

export const NOTIFICATIONS_URL = '/api/notifications';

/** In-app notifications: a type and opaque references only, never personal data. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<NotificationDto[]> {
    return this.http.get<NotificationDto[]>(NOTIFICATIONS_URL);
  }

  /** The number of unread notifications (the server answers `{ count }` or a bare number). */
  unreadCount(): Observable<number> {
    return this.http
      .get<{ count: number } | number>(`${NOTIFICATIONS_URL}/unread-count`)
      .pipe(map((answer) => (typeof answer === 'number' ? answer : (answer?.count ?? 0))));
  }

  markRead(notificationId: string): Observable<unknown> {
    return this.http.post(`${NOTIFICATIONS_URL}/${encodeURIComponent(notificationId)}/read`, {});
  }

  markAllRead(): Observable<unknown> {
    return this.http.post(`${NOTIFICATIONS_URL}/read-all`, {});
  }
}

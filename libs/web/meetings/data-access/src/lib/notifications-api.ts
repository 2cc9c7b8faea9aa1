import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { NotificationDto, NotificationListResponse, UnreadCountDto } from '@casustafel/shared/contracts';
import { Observable, map } from 'rxjs';

export const NOTIFICATIONS_URL = '/api/notifications';

/** In-app notifications: a type and opaque references only, never personal data. */
@Injectable({ providedIn: 'root' })
export class NotificationsApi {
  private readonly http = inject(HttpClient);

  /** The newest notifications (first page). */
  list(): Observable<NotificationDto[]> {
    return this.http.get<NotificationListResponse>(NOTIFICATIONS_URL).pipe(map((page) => page.items));
  }

  unreadCount(): Observable<number> {
    return this.http.get<UnreadCountDto>(`${NOTIFICATIONS_URL}/unread-count`).pipe(map((answer) => answer.unread));
  }

  markRead(notificationId: string): Observable<NotificationDto> {
    return this.http.post<NotificationDto>(`${NOTIFICATIONS_URL}/${encodeURIComponent(notificationId)}/read`, {});
  }

  /** Marks all read; answers the unread count left (0). */
  markAllRead(): Observable<number> {
    return this.http.post<UnreadCountDto>(`${NOTIFICATIONS_URL}/read-all`, {}).pipe(map((answer) => answer.unread));
  }
}

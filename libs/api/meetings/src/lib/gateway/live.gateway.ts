import { randomUUID } from 'node:crypto';
import { Inject, Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import {
  SESSION_CHANNEL,
  SessionCookies,
  SessionService,
  type SessionNotification,
} from '@casustafel/api/auth';
import { PgNotifications } from '@casustafel/api/database';
import {
  type Actor,
  APP_CONFIG,
  type AppConfig,
  isAllowedOrigin,
  NotFoundError,
  RequestContext,
  UnauthenticatedError,
} from '@casustafel/api/platform';
import {
  LIVE_CLIENT_EVENTS,
  LIVE_NAMESPACE,
  LIVE_SERVER_EVENTS,
  type LiveAck,
  type LiveEventDto,
  type LiveRemovedDto,
  type LiveRemovedReason,
  type LiveStateDto,
  type Permission,
  type PresenceDto,
} from '@casustafel/shared/contracts';
import type { Namespace, RemoteSocket, Socket } from 'socket.io';
import { LivePublisher } from '../events/live-publisher';
import type { StoredMeetingEvent } from '../events/meeting-events';
import {
  ActionMessageDto,
  AttendanceMessageDto,
  CurrentItemMessageDto,
  DecisionMessageDto,
  JoinMessageDto,
  NoteMessageDto,
  ResyncMessageDto,
  TimerMessageDto,
} from '../live/live.dto';
import { LiveService, type WriteResult } from '../live/live.service';
import { MeetingProjector, type AudienceMember } from '../live/meeting-projector';
import { MeetingForbiddenError } from '../meetings/meeting-errors';
import { validated } from '../live/validate-message';
import { isServerError, problemAck } from './live-ack';
import { MeetingRefMessageDto } from './live-messages';

/** The permission every live room message needs, as its REST twin declares (ROLE_PERMISSIONS). */
const LIVE_PERMISSION: Permission = 'meetings.attend';
/** Open sockets are re-checked this often for sessions that expired without anyone ending them. */
const SWEEP_MS = 15_000;

/**
 * What a socket carries in `socket.data`, which the Redis adapter hands to other instances
 * (`fetchSockets`): who it is (enough to project for the organisation) and which meetings it is in.
 * No session token, no CSRF token, no e-mail address.
 */
export interface LiveSocketData {
  actor: SocketActor;
  /** Meetings joined through this socket; `guest` = its organisation is there for its own item(s) only. */
  meetings: Record<string, { guest: boolean }>;
}

type SocketActor = Omit<
  Actor,
  'permissions' | 'csrfToken' | 'email' | 'idleExpiresAt' | 'absoluteExpiresAt'
> & {
  permissions: Permission[];
  idleExpiresAt: string;
  absoluteExpiresAt: string;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- socket.io's own default event map
type Events = Record<string, (...args: any[]) => void>;
type LiveSocket = Socket<Events, Events, Events, LiveSocketData>;
type AnyLiveSocket = LiveSocket | RemoteSocket<Events, LiveSocketData>;

type Handler = (socket: LiveSocket, actor: Actor, payload: unknown) => Promise<LiveAck>;

export const meetingRoom = (meetingId: string) => `m:${meetingId}`;
export const organisationRoom = (meetingId: string, organisationId: string) =>
  `m:${meetingId}:o:${organisationId}`;
/**
 * Sockets of a guest organisation whose item is not current (refused with `notYourItem`, or removed
 * when the chair moved on): they hear only their organisation's projection of the item change that
 * makes one of its items current — the cue to join (again).
 */
export const waitingRoom = (meetingId: string, organisationId: string) =>
  `m:${meetingId}:w:${organisationId}`;

/**
 * The live room's socket layer (DESIGN-NOTES §4, ADR 0023). It authenticates each socket by its
 * session cookie and Origin, re-checks the session on every message, validates every message and
 * answers it through the acknowledgement, and pushes each organisation its own projection of the
 * stored events. Authorisation is the services' (LiveService): Nest's guards do not run here.
 *
 * Rooms: `m:<meeting>` (every socket in the meeting; presence only), `m:<meeting>:o:<organisation>`
 * (what that organisation may see) and `m:<meeting>:w:<organisation>` (a guest organisation waiting
 * for its item). Nothing about rooms or presence is kept in this process: it comes from the adapter
 * (`fetchSockets`), so it holds across instances with the Redis adapter.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway
  implements OnGatewayInit<Namespace>, OnGatewayConnection<LiveSocket>, OnModuleDestroy
{
  private readonly logger = new Logger(LiveGateway.name);
  /** Session tokens never leave this process (not in socket.data, which the adapter shares). */
  private readonly tokens = new WeakMap<LiveSocket, string>();
  private namespace?: Namespace;
  private closed = false;
  private sweepTimer?: NodeJS.Timeout;
  private unlisten?: () => void;
  /** Pushes of one meeting run one after another, so this instance emits its events in order. */
  private readonly pushQueues = new Map<string, Promise<void>>();

  private readonly handlers: Record<keyof typeof LIVE_CLIENT_EVENTS, Handler> = {
    join: (socket, actor, payload) => this.join(socket, actor, payload),
    leave: (socket, actor, payload) => this.leave(socket, payload),
    resync: async (_socket, actor, payload) => {
      const message = validated(ResyncMessageDto, payload);
      const result = await this.commands.resync(actor, message.meetingId, message.sinceSeq);
      return { ok: true, seq: result.seq, data: result };
    },
    currentItem: this.write(CurrentItemMessageDto, (actor, m) => this.commands.setCurrentItem(actor, m)),
    timer: this.write(TimerMessageDto, (actor, m) => this.commands.timer(actor, m)),
    attendance: this.write(AttendanceMessageDto, (actor, m) => this.commands.setAttendance(actor, m)),
    decision: this.write(DecisionMessageDto, (actor, m) => this.commands.addDecision(actor, m)),
    action: this.write(ActionMessageDto, (actor, m) => this.commands.addAction(actor, m)),
    note: this.write(NoteMessageDto, (actor, m) => this.commands.addNote(actor, m)),
  };
  private readonly eventNames = new Map(
    Object.entries(LIVE_CLIENT_EVENTS).map(([key, event]) => [
      event as string,
      key as keyof typeof LIVE_CLIENT_EVENTS,
    ]),
  );

  constructor(
    private readonly sessions: SessionService,
    private readonly cookies: SessionCookies,
    private readonly notifications: PgNotifications,
    private readonly context: RequestContext,
    private readonly publisher: LivePublisher,
    private readonly commands: LiveService,
    private readonly projection: MeetingProjector,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    namespace.use((socket, next) => {
      this.authenticate(socket as LiveSocket).then(
        () => next(),
        (error: unknown) => next(handshakeError(error)),
      );
    });
    this.unlisten = this.publisher.listen((events) => this.published(events));
    // Sessions ended anywhere (logout, revocation, deactivation): NOTIFY reaches every instance at commit.
    this.notifications
      .subscribe(SESSION_CHANNEL, (payload) => this.onSessionNotification(payload))
      .catch((error: Error) => this.logger.warn(`Cannot listen for ended sessions (${error.name})`));
    // Notifications may have been missed while the listening connection was down: check every socket.
    this.notifications.onReset(() => this.recheckAll());
    this.sweepTimer = setInterval(() => this.recheckAll(), SWEEP_MS);
    this.sweepTimer.unref();
  }

  onModuleDestroy(): void {
    this.closed = true;
    clearInterval(this.sweepTimer);
    this.unlisten?.();
  }

  handleConnection(socket: LiveSocket): void {
    socket.onAny((event: string, ...args: unknown[]) => {
      const key = this.eventNames.get(event);
      void this.dispatch(socket, key, args);
    });
    socket.on('disconnect', () => {
      for (const meetingId of Object.keys(socket.data.meetings ?? {})) {
        void this.pushPresence(meetingId);
      }
    });
  }

  // ---- handshake and session -------------------------------------------------------------------

  /** Origin and session cookie only: a token in the URL or the auth payload is ignored. */
  private async authenticate(socket: LiveSocket): Promise<void> {
    const { origin, host, cookie } = socket.handshake.headers;
    if (typeof origin !== 'string' || !isAllowedOrigin(origin, host, this.config.web.allowedOrigins)) {
      throw new HandshakeRefused(403, 'auth.origin', 'Cross-origin connection refused.');
    }
    const token = this.cookies.sessionTokenFromHeader(cookie);
    const actor = token ? await this.sessions.resolve(token) : undefined;
    if (!token || !actor || actor.stage !== 'FULL') {
      throw new HandshakeRefused(401, 'auth.unauthenticated', 'Sign in to continue.');
    }
    this.tokens.set(socket, token);
    socket.data = { actor: toSocketActor(actor), meetings: {} };
  }

  /** The socket's actor now, or undefined after taking the socket out (session ended). */
  private async currentActor(socket: LiveSocket, touch: boolean): Promise<Actor | undefined> {
    const token = this.tokens.get(socket);
    const actor = token ? await this.sessions.resolve(token, { touch }) : undefined;
    if (!actor || actor.stage !== 'FULL' || actor.userId !== socket.data.actor.userId) {
      this.remove(socket, 'SESSION_ENDED');
      return undefined;
    }
    socket.data.actor = toSocketActor(actor);
    return actor;
  }

  private onSessionNotification(payload: string): void {
    let message: SessionNotification;
    try {
      message = JSON.parse(payload) as SessionNotification;
    } catch {
      this.recheckAll();
      return;
    }
    const sessions = new Set(message.sessions ?? []);
    const users = new Set(message.users ?? []);
    const refresh = new Set(message.refresh ?? []);
    for (const socket of this.localSockets()) {
      const { sessionId, userId } = socket.data.actor;
      if (sessions.has(sessionId) || (users.has(userId) && sessionId !== message.except)) {
        this.remove(socket, 'SESSION_ENDED');
      } else if (refresh.has(userId)) {
        void this.currentActor(socket, false).catch(() => undefined);
      }
    }
  }

  /** Sessions can also end by time (idle, absolute lifetime): check without counting it as activity. */
  private recheckAll(): void {
    if (this.closed) {
      return;
    }
    for (const socket of this.localSockets()) {
      void this.currentActor(socket, false).catch(() => undefined);
    }
  }

  private localSockets(): LiveSocket[] {
    return this.namespace ? ([...this.namespace.sockets.values()] as LiveSocket[]) : [];
  }

  /** Tells the client why, then ends its connection (a session that ended) or takes it out of a meeting. */
  private remove(socket: LiveSocket, reason: LiveRemovedReason): void {
    if (!socket.connected) {
      return;
    }
    const removed: LiveRemovedDto = { reason };
    socket.emit(LIVE_SERVER_EVENTS.removed, removed);
    socket.disconnect(true);
  }

  // ---- messages --------------------------------------------------------------------------------

  /**
   * One client message: needs an acknowledgement callback (else it is dropped unprocessed), a live
   * session (re-checked every time), a valid payload; it runs in a request context of its own with
   * the actor, like an HTTP request, so RLS and the audit log see who acts. Whatever goes wrong is
   * answered to this client only, as a problem; nothing is thrown out of here.
   */
  private async dispatch(
    socket: LiveSocket,
    key: keyof typeof LIVE_CLIENT_EVENTS | undefined,
    args: unknown[],
  ): Promise<void> {
    const ack =
      typeof args[args.length - 1] === 'function' ? (args.pop() as (answer: LiveAck) => void) : undefined;
    if (!ack) {
      // Nothing to answer to: a client that cannot learn the outcome must not change anything.
      return;
    }
    const correlationId = randomUUID();
    const answer = (response: LiveAck) => {
      if (socket.connected) {
        ack(response);
      }
    };
    try {
      if (!key) {
        answer(problemAck(new NotFoundError('No such event in the live room.'), correlationId));
        return;
      }
      if (args.length !== 1) {
        answer({
          ok: false,
          problem: {
            status: 400,
            title: 'Invalid request',
            code: 'validation',
            errors: [
              { field: 'message', code: 'isObject', message: 'send exactly one object and a callback' },
            ],
          },
        });
        return;
      }
      const actor = await this.currentActor(socket, true);
      if (!actor) {
        answer(
          problemAck(new UnauthenticatedError('Sign in to continue; the session has ended.'), correlationId),
        );
        return;
      }
      if (!actor.permissions.has(LIVE_PERMISSION)) {
        // As over HTTP (the REST twins declare it): a missing permission looks like nothing there.
        answer(problemAck(new NotFoundError(), correlationId));
        return;
      }
      const handler = this.handlers[key];
      const response = await this.context.run(() => handler(socket, actor, args[0]), {
        correlationId,
        actor,
        origin: socket.handshake.address,
        traceparent: socket.handshake.headers['traceparent'],
      });
      answer(response);
    } catch (error) {
      if (isServerError(error)) {
        this.logger.error(
          { correlationId, event: key, err: { name: (error as Error)?.name } },
          'Unexpected error while handling a live room message',
        );
      }
      answer(problemAck(error, correlationId));
    }
  }

  private write<T extends object>(
    type: new () => T,
    command: (actor: Actor, message: T) => Promise<WriteResult>,
  ): Handler {
    return async (_socket, actor, payload) => {
      const message = validated(type, payload);
      const { event, duplicate } = await command(actor, message);
      return { ok: true, seq: event.seq, data: { duplicate } };
    };
  }

  private async join(socket: LiveSocket, actor: Actor, payload: unknown): Promise<LiveAck> {
    const message = validated(JoinMessageDto, payload);
    const meetingId = message.meetingId;
    const waiting = waitingRoom(meetingId, actor.organisationId);
    let state: LiveStateDto;
    try {
      state = await this.commands.join(actor, meetingId, message.confidentialityAccepted);
    } catch (error) {
      if (error instanceof MeetingForbiddenError && error.code === 'notYourItem') {
        // A guest organisation (the service said so) whose item is not current: it waits outside.
        await socket.join(waiting);
      }
      throw error;
    }
    socket.data.meetings = { ...socket.data.meetings, [meetingId]: { guest: state.guest } };
    await socket.leave(waiting);
    await socket.join([meetingRoom(meetingId), organisationRoom(meetingId, actor.organisationId)]);
    state.presence = await this.presence(meetingId);
    this.namespace?.to(meetingRoom(meetingId)).emit(LIVE_SERVER_EVENTS.presence, state.presence);
    return { ok: true, seq: state.seq, data: state };
  }

  private async leave(socket: LiveSocket, payload: unknown): Promise<LiveAck> {
    const { meetingId } = validated(MeetingRefMessageDto, payload);
    await this.leaveMeeting(socket, meetingId);
    await this.pushPresence(meetingId);
    return { ok: true };
  }

  private async leaveMeeting(socket: AnyLiveSocket, meetingId: string): Promise<void> {
    // fetchSockets answers copies; a socket of this instance has its data updated here.
    const local = this.namespace?.sockets.get(socket.id) as LiveSocket | undefined;
    for (const target of local ? [local, socket] : [socket]) {
      const meetings = { ...target.data.meetings };
      delete meetings[meetingId];
      target.data.meetings = meetings;
    }
    const organisationId = socket.data.actor.organisationId;
    const rooms = [
      meetingRoom(meetingId),
      organisationRoom(meetingId, organisationId),
      waitingRoom(meetingId, organisationId),
    ];
    for (const room of rooms) {
      await socket.leave(room);
    }
  }

  // ---- presence --------------------------------------------------------------------------------

  /** Who is in the room now, per organisation, from the adapter (all instances). */
  async presence(meetingId: string): Promise<PresenceDto[]> {
    if (!this.namespace) {
      return [];
    }
    const sockets = (await this.namespace
      .in(meetingRoom(meetingId))
      .fetchSockets()) as unknown as AnyLiveSocket[];
    const byOrganisation = new Map<string, PresenceDto & { userIds: Set<string> }>();
    for (const socket of sockets) {
      const { actor, meetings } = socket.data;
      const entry = byOrganisation.get(actor.organisationId) ?? {
        organisation: {
          id: actor.organisationId,
          name: actor.organisationName,
          partnerType: actor.partnerType,
        },
        users: 0,
        guest: meetings?.[meetingId]?.guest ?? false,
        userIds: new Set<string>(),
      };
      byOrganisation.set(actor.organisationId, entry);
      entry.userIds.add(actor.userId);
      entry.users = entry.userIds.size;
    }
    return [...byOrganisation.values()]
      .map(
        (entry): PresenceDto => ({
          organisation: entry.organisation,
          users: entry.users,
          guest: entry.guest,
        }),
      )
      .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'nl'));
  }

  private async pushPresence(meetingId: string): Promise<void> {
    if (this.closed || !this.namespace) {
      return;
    }
    try {
      const presence = await this.presence(meetingId);
      this.namespace.to(meetingRoom(meetingId)).emit(LIVE_SERVER_EVENTS.presence, presence);
    } catch (error) {
      this.logger.warn(`Presence of a meeting could not be pushed (${(error as Error).name})`);
    }
  }

  // ---- push ------------------------------------------------------------------------------------

  private published(events: readonly StoredMeetingEvent[]): void {
    const byMeeting = new Map<string, StoredMeetingEvent[]>();
    for (const event of events) {
      byMeeting.set(event.meetingId, [...(byMeeting.get(event.meetingId) ?? []), event]);
    }
    for (const [meetingId, batch] of byMeeting) {
      const previous = this.pushQueues.get(meetingId) ?? Promise.resolve();
      const next = previous
        .then(() => this.push(meetingId, batch))
        .catch((error: Error) =>
          // The events are stored; clients get them on their next resync.
          this.logger.error({ err: { name: error?.name } }, 'Live events could not be pushed'),
        );
      this.pushQueues.set(meetingId, next);
      void next.finally(() => {
        if (this.pushQueues.get(meetingId) === next) {
          this.pushQueues.delete(meetingId);
        }
      });
    }
  }

  /**
   * One batch of stored events of a meeting: for every organisation in the room, the projection is
   * computed once (under the security context of one of its members) and sent to its room. A guest
   * organisation whose item is no longer current leaves the room (to wait outside); so does an
   * organisation no longer in the audience. Waiting guests whose item becomes current are told.
   */
  private async push(meetingId: string, events: StoredMeetingEvent[]): Promise<void> {
    if (this.closed || !this.namespace) {
      return;
    }
    const namespace = this.namespace;
    const sockets = (await namespace.in(meetingRoom(meetingId)).fetchSockets()) as unknown as AnyLiveSocket[];
    const currentItem = [...events].reverse().find((e) => e.type === 'CURRENT_ITEM_CHANGED');
    const newItem = currentItem ? currentItem.agendaItemId : undefined;
    if (sockets.length === 0 && !newItem) {
      return;
    }
    const byOrganisation = new Map<string, AnyLiveSocket[]>();
    for (const socket of sockets) {
      const organisationId = socket.data.actor.organisationId;
      byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), socket]);
    }
    const audience = new Map(
      (await this.systemRun(() => this.projection.audience(meetingId))).map((a) => [a.organisationId, a]),
    );
    let presenceChanged = false;
    for (const [organisationId, members] of byOrganisation) {
      const member = audience.get(organisationId);
      const room = organisationRoom(meetingId, organisationId);
      if (!member) {
        await this.removeFromMeeting(members, meetingId, 'NOT_INVITED');
        presenceChanged = true;
        continue;
      }
      const actor = fromSocketActor(members[0].data.actor);
      const projected: LiveEventDto[] = await this.context.run(
        () =>
          this.projection.project(
            events,
            organisationId,
            actor,
            members.map((m) => m.data.actor),
          ),
        { actor },
      );
      for (const event of projected) {
        namespace.to(room).emit(LIVE_SERVER_EVENTS.event, event);
      }
      if (member.guest && currentItem && (!newItem || !member.guestItemIds.includes(newItem))) {
        await this.removeFromMeeting(members, meetingId, 'NOT_CURRENT_ITEM');
        presenceChanged = true;
      }
    }
    if (presenceChanged) {
      await this.pushPresence(meetingId);
    }
    if (currentItem && newItem) {
      await this.callWaitingGuests(meetingId, currentItem, newItem, [...audience.values()]);
    }
  }

  /** A guest organisation's item became current: its waiting sockets get the (projected) item change. */
  private async callWaitingGuests(
    meetingId: string,
    currentItem: StoredMeetingEvent,
    newItem: string,
    audience: AudienceMember[],
  ): Promise<void> {
    const namespace = this.namespace;
    if (!namespace) {
      return;
    }
    for (const member of audience) {
      if (!member.guest || !member.guestItemIds.includes(newItem)) {
        continue;
      }
      const room = waitingRoom(meetingId, member.organisationId);
      const waiting = (await namespace.in(room).fetchSockets()) as unknown as AnyLiveSocket[];
      if (waiting.length === 0) {
        continue;
      }
      const actor = fromSocketActor(waiting[0].data.actor);
      const projected = await this.context.run(
        () => this.projection.project([currentItem], member.organisationId, actor),
        { actor },
      );
      for (const event of projected) {
        namespace.to(room).emit(LIVE_SERVER_EVENTS.event, event);
      }
    }
  }

  /** Takes an organisation's sockets (on any instance) out of a meeting's rooms, telling them why. */
  private async removeFromMeeting(
    sockets: AnyLiveSocket[],
    meetingId: string,
    reason: LiveRemovedReason,
  ): Promise<void> {
    const removed: LiveRemovedDto = { reason, meetingId };
    for (const socket of sockets) {
      socket.emit(LIVE_SERVER_EVENTS.removed, removed);
      await this.leaveMeeting(socket, meetingId);
      if (reason === 'NOT_CURRENT_ITEM') {
        await socket.join(waitingRoom(meetingId, socket.data.actor.organisationId));
      }
    }
  }

  /** Work outside any user's request (the projector's audience query) with a context of its own. */
  private systemRun<T>(work: () => Promise<T>): Promise<T> {
    return this.context.run(work);
  }
}

class HandshakeRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** socket.io sends `message` and `data` of a middleware error to the client (connect_error). */
function handshakeError(error: unknown): Error & { data?: unknown } {
  const refused =
    error instanceof HandshakeRefused
      ? error
      : new HandshakeRefused(503, 'service.unavailable', 'The live room is not available; try again.');
  const result = new Error(refused.message) as Error & { data?: unknown };
  result.data = { status: refused.status, code: refused.code };
  return result;
}

function toSocketActor(actor: Actor): SocketActor {
  return {
    userId: actor.userId,
    sessionId: actor.sessionId,
    displayName: actor.displayName,
    isDemo: actor.isDemo,
    organisationId: actor.organisationId,
    organisationName: actor.organisationName,
    partnerType: actor.partnerType,
    regionId: actor.regionId,
    stage: actor.stage,
    tableRoles: actor.tableRoles,
    permissions: [...actor.permissions],
    idleExpiresAt: actor.idleExpiresAt.toISOString(),
    absoluteExpiresAt: actor.absoluteExpiresAt.toISOString(),
  };
}

function fromSocketActor(actor: SocketActor): Actor {
  return {
    ...actor,
    email: '',
    csrfToken: '',
    permissions: new Set(actor.permissions),
    idleExpiresAt: new Date(actor.idleExpiresAt),
    absoluteExpiresAt: new Date(actor.absoluteExpiresAt),
    tableRoles: actor.tableRoles,
  };
}

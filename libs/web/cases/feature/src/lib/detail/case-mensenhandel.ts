import { ChangeDetectionStrategy, Component, computed, inject, signal, viewChild } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Alert } from '@casustafel/web/shared/ui';
import { CaseDetailStore } from './case-detail-store';
import { feedback } from './detail-feedback';
import { DetailNotice, type Notice } from './detail-notice';
import { TODAY, countdown, formatDate } from './detail-util';
import { MhB8Form, MhExploitationForm, MhShelterForm } from './mh-forms';

type Part = 'exploitation' | 'b8' | 'shelter';

/**
 * The mensenhandel panel (mensenhandel tables only): exploitation and CoMensha, the B8 reflection
 * period with its end date and countdown, and the shelter placement. Each part comes in full, as a
 * "restricted" flag, or not at all; the shelter address only to the zorgcoördinator and the shelter
 * organisation. Parts are edited where the user sees them in full (or they are still empty).
 */
@Component({
  selector: 'cst-case-mensenhandel',
  imports: [TranslocoPipe, Alert, DetailNotice, MhExploitationForm, MhB8Form, MhShelterForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './detail.scss',
  templateUrl: './case-mensenhandel.html',
})
export class CaseMensenhandel {
  protected readonly store = inject(CaseDetailStore);
  private readonly today = inject(TODAY);
  private readonly noticeView = viewChild(DetailNotice);
  protected readonly fb = feedback(this.noticeView);
  protected readonly formatDate = formatDate;
  protected readonly editing = signal<Part | null>(null);

  protected readonly mh = computed(() => this.store.detail()?.mensenhandel ?? null);
  protected readonly exploitation = computed(() => {
    const p = this.mh()?.exploitation;
    return p?.visibility === 'FULL' ? p : null;
  });
  protected readonly b8 = computed(() => {
    const p = this.mh()?.b8;
    return p?.visibility === 'FULL' ? p : null;
  });
  protected readonly shelter = computed(() => {
    const p = this.mh()?.shelter;
    return p?.visibility === 'FULL' ? p : null;
  });
  protected readonly countdown = computed(() => {
    const endsAt = this.b8()?.endsAt;
    return endsAt ? countdown(this.today(), endsAt) : null;
  });
  /**
   * The server gives the address only to the zorgcoördinator and the shelter organisation; anyone
   * else sees a placement without it, and may not edit the placement (saving would erase an
   * address they cannot see).
   */
  protected readonly mayReadAddress = computed(() => {
    const me = this.store.myOrganisation();
    return (
      !!me && (me.partnerType === 'ZORGCOORDINATOR' || this.shelter()?.shelterOrganisation?.id === me.id)
    );
  });

  protected mayEdit(part: Part): boolean {
    const d = this.store.detail();
    const value = this.mh()?.[part];
    if (!d?.can.editMensenhandel || d.state === 'AFGESLOTEN' || d.state === 'VERNIETIGD' || this.editing()) {
      return false;
    }
    if (part === 'shelter' && value?.visibility === 'FULL' && !this.mayReadAddress()) {
      return false;
    }
    return !value || value.visibility === 'FULL';
  }

  protected edit(part: Part): void {
    this.fb.clear();
    this.editing.set(part);
  }

  protected stop(part: Part): void {
    this.editing.set(null);
    this.fb.focusId(`mh-${part}-edit`);
  }

  protected saved(notice: Notice): void {
    this.editing.set(null);
    this.fb.show(notice);
  }
}

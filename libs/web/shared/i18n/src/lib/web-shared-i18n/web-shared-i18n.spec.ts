import { ComponentFixture, TestBed } from '@angular/core/testing';
import { WebSharedI18n } from './web-shared-i18n';

describe('WebSharedI18n', () => {
  let component: WebSharedI18n;
  let fixture: ComponentFixture<WebSharedI18n>;

  beforeEach(async () => {
    await TestBed.configureTestingModule({
      imports: [WebSharedI18n],
    }).compileComponents();

    fixture = TestBed.createComponent(WebSharedI18n);
    component = fixture.componentInstance;
    await fixture.whenStable();
  });

  it('should create', () => {
    expect(component).toBeTruthy();
  });
});

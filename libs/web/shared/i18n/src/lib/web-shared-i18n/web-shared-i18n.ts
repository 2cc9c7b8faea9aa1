import { Component } from '@angular/core';

@Component({
  selector: 'cst-web-shared-i18n',
  imports: [],
  templateUrl: './web-shared-i18n.html',
  styleUrl: './web-shared-i18n.scss',
})
export class WebSharedI18n {}

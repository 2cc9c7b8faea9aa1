import { Component } from '@angular/core';

@Component({
  selector: 'cst-web-shared-ui',
  imports: [],
  templateUrl: './web-shared-ui.html',
  styleUrl: './web-shared-ui.scss',
})
export class WebSharedUi {}

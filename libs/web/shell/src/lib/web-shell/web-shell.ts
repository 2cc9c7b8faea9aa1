import { Component } from '@angular/core';

@Component({
  selector: 'cst-web-shell',
  imports: [],
  templateUrl: './web-shell.html',
  styleUrl: './web-shell.scss',
})
export class WebShell {}

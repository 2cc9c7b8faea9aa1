import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA, AccessDeclaration, describeAccess } from './authenticated.decorator';

export interface EndpointAccess {
  method: string;
  path: string;
  access: string;
  handler: string;
}

/**
 * Every HTTP endpoint with its access declaration. The app refuses to start when any endpoint has
 * none (deny by default), and a snapshot test prints the list, so that every change of who may
 * call what shows up in review as a security change.
 */
@Injectable()
export class EndpointInventory implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const undeclared = this.list().filter((e) => e.access === 'UNDECLARED');
    if (undeclared.length > 0) {
      throw new Error(
        `Endpoints without an access declaration (@Public or @Authenticated):\n${undeclared
          .map((e) => `  ${e.method} ${e.path} (${e.handler})`)
          .join('\n')}`,
      );
    }
  }

  list(prefix = 'api'): EndpointAccess[] {
    const endpoints: EndpointAccess[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || !wrapper.metatype) {
        continue;
      }
      const controllerPath = normalise(
        this.reflector.get<string | string[]>(PATH_METADATA, wrapper.metatype),
      );
      for (const name of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = instance[name] as object;
        const method = this.reflector.get<RequestMethod | undefined>(METHOD_METADATA, handler as never);
        if (method === undefined) {
          continue;
        }
        const routePath = normalise(this.reflector.get<string | string[]>(PATH_METADATA, handler as never));
        const declaration = this.reflector.getAllAndOverride<AccessDeclaration | undefined>(ACCESS_METADATA, [
          handler as never,
          wrapper.metatype,
        ]);
        endpoints.push({
          method: RequestMethod[method],
          path: `/${[prefix, controllerPath, routePath].filter(Boolean).join('/')}`,
          access: describeAccess(declaration),
          handler: `${wrapper.metatype.name}.${name}`,
        });
      }
    }
    return endpoints.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
  }
}

function normalise(path: string | string[] | undefined): string {
  const value = Array.isArray(path) ? path[0] : path;
  return (value ?? '').replace(/^\/+|\/+$/g, '');
}

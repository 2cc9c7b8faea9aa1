import { DynamicModule, Module, Type } from '@nestjs/common';
import { AdminModule } from '@casustafel/api/admin';
import { AuditModule } from '@casustafel/api/audit';
import { AuthModule } from '@casustafel/api/auth';
import { CasesModule } from '@casustafel/api/cases';
import { DatabaseModule } from '@casustafel/api/database';
import { DemoModule } from '@casustafel/api/demo';
import { ExtractsModule } from '@casustafel/api/extracts';
import { HealthModule } from '@casustafel/api/health';
import { MeetingsModule } from '@casustafel/api/meetings';
import { AppConfig, PlatformModule } from '@casustafel/api/platform';
import { RightsModule } from '@casustafel/api/rights';

/** Composition root: the app only wires domain modules together. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, extra: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config),
        DatabaseModule,
        AuditModule,
        AuthModule,
        HealthModule,
        AdminModule,
        CasesModule,
        RightsModule,
        MeetingsModule,
        ExtractsModule,
        DemoModule,
        ...extra,
      ],
    };
  }
}

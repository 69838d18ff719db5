import { registerLocalIcons } from '../src/caseList/icons';
import { setIconOptions } from '@fluentui/react/lib/Styling';

registerLocalIcons();
setIconOptions({ disableWarnings: true });

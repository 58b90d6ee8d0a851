// The lodgement form's fields and the API's cargo JSON, both ways: what is sent when lodging or
// amending, what a template keeps, and how a consignment or template fills the form again. Every
// input names its API field in data-field, so the engine's errors land beside it.
import {
  checkChoice, checkExpectedDate, checkMeasure, checkMeasurePair, checkPackageCount, checkText,
  LIMITS, numberValue, readDate, readPeriod,
} from './cargo-rules.js';
import { engineToday, lodgementWindow } from './settings.js';

const TEXT_FIELDS = {
  'consignor.name': LIMITS.name,
  'consignor.address': LIMITS.address,
  'consignee.name': LIMITS.name,
  'consignee.address': LIMITS.address,
  'packaged.packageDescription': LIMITS.name,
  'packaged.articlesDescription': LIMITS.description,
  'bulk.description': LIMITS.description,
};

export function cargoForm(form) {
  const input = (field) => form.querySelector(`[data-field="${field}"]`);
  const value = (field) => input(field).value;
  const packagedPart = form.querySelector('[data-cargo-kind="packaged"]');
  const bulkPart = form.querySelector('[data-cargo-kind="bulk"]');
  const kindRadios = [...form.querySelectorAll('input[name="cargo-kind"]')];

  const kind = () => (kindRadios.find((r) => r.checked) || kindRadios[0]).value;

  /** Shows the half of the cargo section that applies; the other half is neither checked nor sent. */
  const setKind = (wanted) => {
    kindRadios.forEach((radio) => { radio.checked = radio.value === wanted; });
    packagedPart.hidden = wanted !== 'packaged';
    bulkPart.hidden = wanted !== 'bulk';
  };
  kindRadios.forEach((radio) => radio.addEventListener('change', () => setKind(kind())));

  const party = (who) => ({ name: value(`${who}.name`).trim(), address: value(`${who}.address`).trim() });

  const cargoPart = () => {
    if (kind() === 'packaged') {
      return {
        packaged: {
          packageDescription: value('packaged.packageDescription').trim(),
          packageCount: numberValue(value('packaged.packageCount')),
          articlesDescription: value('packaged.articlesDescription').trim(),
        },
      };
    }
    const bulk = {};
    if (value('bulk.grossWeightKg').trim()) {
      bulk.grossWeightKg = numberValue(value('bulk.grossWeightKg'));
    }
    if (value('bulk.grossVolumeM3').trim()) {
      bulk.grossVolumeM3 = numberValue(value('bulk.grossVolumeM3'));
    }
    if (value('bulk.quantity').trim()) {
      bulk.quantity = value('bulk.quantity').trim();
    }
    bulk.description = value('bulk.description').trim();
    return { bulk };
  };

  /** Leaves out what is blank: a draft (template) keeps only what the clerk filled in. */
  const withoutBlanks = (object) => {
    const kept = {};
    Object.entries(object).forEach(([name, v]) => {
      if (v && typeof v === 'object') {
        const inner = withoutBlanks(v);
        if (Object.keys(inner).length) {
          kept[name] = inner;
        }
      } else if (v !== '' && v !== undefined && v !== null) {
        kept[name] = v;
      }
    });
    return kept;
  };

  const put = (field, v) => {
    input(field).value = v === undefined || v === null ? '' : String(v);
  };

  return {
    kind,
    setKind,

    /** The lodgement body, as POST and PUT /api/v1/consignments take it. */
    body() {
      const date = readDate(value('expectedDate'));
      return {
        direction: value('direction'),
        // A date written day-first is sent as the engine reads dates; anything else as typed.
        expectedDate: date && date.iso ? date.iso : value('expectedDate').trim(),
        consignor: party('consignor'),
        consignee: party('consignee'),
        ...cargoPart(),
      };
    },

    /** A template's cargo: everything but the expected date, which belongs to each lodgement. */
    draft() {
      const { expectedDate, ...rest } = this.body();
      return withoutBlanks(rest);
    },

    /** Fills the form from a consignment or a template's cargo; absent parts are left blank. */
    fill(cargo, { withDate = true } = {}) {
      form.reset();
      put('direction', cargo.direction);
      put('expectedDate', withDate ? cargo.expectedDate : '');
      ['consignor', 'consignee'].forEach((who) => {
        put(`${who}.name`, cargo[who] && cargo[who].name);
        put(`${who}.address`, cargo[who] && cargo[who].address);
      });
      const packaged = cargo.packaged || {};
      const bulk = cargo.bulk || {};
      put('packaged.packageDescription', packaged.packageDescription);
      put('packaged.packageCount', packaged.packageCount);
      put('packaged.articlesDescription', packaged.articlesDescription);
      put('bulk.grossWeightKg', bulk.grossWeightKg);
      put('bulk.grossVolumeM3', bulk.grossVolumeM3);
      put('bulk.quantity', bulk.quantity);
      put('bulk.description', bulk.description);
      setKind(cargo.bulk ? 'bulk' : 'packaged');
    },

    clear() {
      form.reset();
      setKind('packaged');
    },

    /** The rule for one input, as the engine applies it. */
    check(field) {
      const name = field.dataset.field;
      if (name === 'direction') {
        return checkChoice(field.value);
      }
      if (name === 'expectedDate') {
        return checkExpectedDate(field.value, engineToday(), readPeriod(lodgementWindow()));
      }
      if (name in TEXT_FIELDS) {
        return checkText(field.value, TEXT_FIELDS[name]);
      }
      if (name === 'bulk.quantity') {
        return checkText(field.value, LIMITS.name, false);
      }
      if (name === 'packaged.packageCount') {
        return checkPackageCount(field.value);
      }
      if (name === 'bulk.grossWeightKg' || name === 'bulk.grossVolumeM3') {
        const weight = name === 'bulk.grossWeightKg';
        const own = checkMeasure(field.value, weight ? LIMITS.weightMaxKg : LIMITS.volumeMaxM3);
        if (own) {
          return own;
        }
        const pair = checkMeasurePair(value('bulk.grossWeightKg'), value('bulk.grossVolumeM3'));
        return pair && pair.field === (weight ? 'weight' : 'volume') ? pair.problem : null;
      }
      return null;
    },
  };
}

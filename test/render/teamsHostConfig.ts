/**
 * An approximation of Microsoft Teams' light theme as an Adaptive Cards HostConfig: the spacing, font
 * sizes, weights and colours of the Teams light host config that Microsoft publishes with the card
 * designer, the Segoe UI stack (Liberation Sans stands in on Linux, with Arial's metrics), Teams' limit
 * of 6 actions per action bar, and interactivity on (bots use Action.Execute).
 */

const FONT_FAMILY = "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

/** Text colours, the same in every container style (Teams light; #AARRGGBB where 8 digits). */
const FOREGROUND = {
  default: { default: '#252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};

const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors: FOREGROUND });

export const TEAMS_LIGHT_HOST_CONFIG = {
  choiceSetInputValueSeparator: ',',
  supportsInteractivity: true,
  fontTypes: {
    default: {
      fontFamily: FONT_FAMILY,
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: "Consolas, 'Courier New', 'Liberation Mono', monospace",
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
  },
  lineHeights: { small: 16, default: 20, medium: 20, large: 24, extraLarge: 32 },
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#e0e0e0' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: style('#ffffff'),
    emphasis: style('#f9f8f7'),
    accent: style('#c7def9'),
    good: style('#ccffcc'),
    attention: style('#ffc5b2'),
    warning: style('#ffe2b2'),
  },
  inputs: {
    label: {
      inputSpacing: 'small',
      requiredInputs: { weight: 'Bolder', suffix: ' *', suffixColor: 'Attention' },
      optionalInputs: { weight: 'Bolder' },
    },
    errorMessage: { size: 'Small', spacing: 'small', color: 'Attention' },
  },
  actions: {
    maxActions: 6,
    spacing: 'Default',
    buttonSpacing: 8,
    showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
    preExpandSingleShowCardAction: false,
    actionsOrientation: 'Horizontal',
    actionAlignment: 'Left',
    iconPlacement: 'LeftOfTitle',
    allowTitleToWrap: false,
  },
  adaptiveCard: { allowCustomStyle: false },
  factSet: {
    title: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Bolder', wrap: true, maxWidth: 150 },
    value: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Default', wrap: true },
    spacing: 16,
  },
  textBlock: { headingLevel: 2 },
};

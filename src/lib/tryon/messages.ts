/** The Try on view's UI text. The Chinese half must have exactly the same shape. */
export const tryOnEn = {
  title: 'Try on',
  intro:
    'See glasses, sunglasses, hats, earrings and lipstick on your own face. The camera picture and your photos stay on this device: nothing is uploaded, and nothing is kept unless you save a snapshot.',
  source: 'Picture',
  startCamera: 'Use the camera',
  stopCamera: 'Stop the camera',
  uploadPhoto: 'Upload a photo',
  photoTypes: 'JPEG, PNG or WebP',
  loading: 'Getting the face finder ready…',
  starting: 'Starting the camera…',
  pickSource: 'Start the camera or choose a photo to begin.',
  category: 'Category',
  products: 'Products to try',
  previous: 'Previous product',
  next: 'Next product',
  wearing: (name: string) => `Wearing: ${name}`,
  comparing: (a: string, b: string) => `Comparing ${a} with ${b}`,
  compare: 'Compare with…',
  compareHint: 'Pick a second product to see the two side by side.',
  stopCompare: 'Stop comparing',
  pickSecond: 'Second product',
  faceFound: 'Face found.',
  save: 'Save snapshot',
  saved: 'Snapshot saved in your gallery (My data).',
  download: 'Download',
  share: 'Share…',
  shareUnavailable: 'Sharing is not available in this browser: use Download instead.',
  kioskNoDownload:
    'On a shared screen your picture is not saved: Download and Share are off here, and what you keep goes when your session ends.',
  preview: 'Try-on preview',
  previewOf: (name: string) => `Try-on preview: ${name}`,
  hairHidesEarring: (sides: ('right' | 'left')[]) =>
    sides.length === 2
      ? 'Your hair covers both ears, so the earrings are hidden: tuck your hair behind your ears, or try a photo where they show.'
      : `Your hair covers your ${sides[0]} ear, so that earring is hidden: tuck your hair behind it to see it.`,
  issues: {
    noFace: {
      title: 'No face found',
      hint: 'Face the camera in good light, or choose a photo where your face is clearly visible.',
    },
    severalFaces: {
      title: 'More than one face',
      hint: 'Try-on works on one face at a time: make sure only you are in the picture, or choose another photo.',
    },
    tooSmall: {
      title: 'Your face is too small',
      hint: 'Come closer to the camera, or choose a photo where your face fills more of the picture.',
    },
    tooTurned: {
      title: 'Your face is turned too far',
      hint: 'Look towards the camera, or choose a photo taken from the front.',
    },
  },
  camera: {
    denied: {
      title: 'The camera is blocked',
      hint: 'Allow the camera for this site in your browser settings and try again, or upload a photo instead.',
    },
    absent: {
      title: 'No camera found',
      hint: 'Connect a camera and try again, or upload a photo instead.',
    },
    failed: {
      title: 'The camera could not start',
      hint: 'Another app may be using it. Close it and try again, or upload a photo instead.',
    },
  },
  photoProblem: {
    title: 'This file cannot be used',
    hint: 'Choose a JPEG, PNG or WebP picture.',
  },
  modelProblem: {
    title: 'The face finder could not start',
    hint: 'Reload the page and try again. If you are offline, open Try on once while online first.',
  },
  tryAgain: 'Try again',
  gallery: {
    title: 'Try-on gallery',
    intro: 'Snapshots you saved in Try on. They stay on this device.',
    empty: 'No snapshots yet.',
    count: (n: number) => (n === 1 ? '1 snapshot' : `${n} snapshots`),
    picture: (names: string, date: string) => `${names}, ${date}`,
    erase: (n: number) => `Erase snapshot ${n}`,
    erased: 'Snapshot erased.',
  },
};

export const tryOnZhCN: typeof tryOnEn = {
  title: '虚拟试戴',
  intro:
    '在自己的脸上试戴眼镜、太阳镜、帽子、耳环和口红。摄像头画面和照片只留在本设备上：不会上传，除非你保存快照，否则不会保留。',
  source: '画面来源',
  startCamera: '使用摄像头',
  stopCamera: '关闭摄像头',
  uploadPhoto: '上传照片',
  photoTypes: 'JPEG、PNG 或 WebP',
  loading: '正在准备人脸识别…',
  starting: '正在启动摄像头…',
  pickSource: '打开摄像头或选择一张照片即可开始。',
  category: '类别',
  products: '可试戴的商品',
  previous: '上一件商品',
  next: '下一件商品',
  wearing: (name: string) => `正在试戴：${name}`,
  comparing: (a: string, b: string) => `正在对比：${a} 与 ${b}`,
  compare: '对比…',
  compareHint: '再选一件商品，两者并排显示。',
  stopCompare: '停止对比',
  pickSecond: '第二件商品',
  faceFound: '已找到人脸。',
  save: '保存快照',
  saved: '快照已保存到你的相册（我的数据）。',
  download: '下载',
  share: '分享…',
  shareUnavailable: '此浏览器不支持分享，请改用下载。',
  kioskNoDownload:
    '在共享屏幕上不会保存您的照片：这里不能下载或分享，您保留的照片会在本次使用结束时删除。',
  preview: '试戴预览',
  previewOf: (name: string) => `试戴预览：${name}`,
  hairHidesEarring: (sides: ('right' | 'left')[]) =>
    sides.length === 2
      ? '头发挡住了两只耳朵，所以耳环没有显示：把头发拢到耳后，或换一张露出耳朵的照片。'
      : `头发挡住了你的${sides[0] === 'right' ? '右' : '左'}耳，所以那只耳环没有显示：把头发拢到耳后就能看到。`,
  issues: {
    noFace: {
      title: '没有找到人脸',
      hint: '请在光线充足处正对摄像头，或选择一张脸部清晰的照片。',
    },
    severalFaces: {
      title: '画面中有多张人脸',
      hint: '一次只能为一张脸试戴：请确保画面中只有你，或换一张照片。',
    },
    tooSmall: {
      title: '脸部太小',
      hint: '请靠近摄像头，或选择一张脸部占画面更多的照片。',
    },
    tooTurned: {
      title: '脸转得太偏了',
      hint: '请看向摄像头，或选择一张正面照片。',
    },
  },
  camera: {
    denied: {
      title: '摄像头被禁止使用',
      hint: '请在浏览器设置中允许本网站使用摄像头后重试，或改为上传照片。',
    },
    absent: {
      title: '没有找到摄像头',
      hint: '请连接摄像头后重试，或改为上传照片。',
    },
    failed: {
      title: '摄像头无法启动',
      hint: '可能有其他应用正在使用它。关闭后重试，或改为上传照片。',
    },
  },
  photoProblem: {
    title: '无法使用这个文件',
    hint: '请选择 JPEG、PNG 或 WebP 图片。',
  },
  modelProblem: {
    title: '人脸识别无法启动',
    hint: '请刷新页面后重试。如果处于离线状态，请先在联网时打开一次虚拟试戴。',
  },
  tryAgain: '重试',
  gallery: {
    title: '试戴相册',
    intro: '你在虚拟试戴中保存的快照，只保存在本设备上。',
    empty: '还没有快照。',
    count: (n: number) => `${n} 张快照`,
    picture: (names: string, date: string) => `${names}，${date}`,
    erase: (n: number) => `删除第 ${n} 张快照`,
    erased: '快照已删除。',
  },
};

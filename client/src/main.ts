document.querySelector("#app")!.textContent = "WGEC.Drafting";
